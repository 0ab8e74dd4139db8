export { genderOfFirstName, genderOfPerson, genderOfTitle, type Gender } from './gender';
